/**
 * The "下载图片 PNG" buttons: the chart's SVG file (built with the site, same origin, so the canvas stays readable) is
 * drawn onto a canvas at twice its size and saved with `toBlob`. The button is hidden until this script runs, since
 * without JavaScript only the SVG link can work.
 */
async function svgToPng(href: string): Promise<Blob> {
  const image = new Image();
  image.decoding = 'async';
  image.src = href;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth * scale;
  canvas.height = image.naturalHeight * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob gave nothing'))), 'image/png'));
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-chart-png]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      save(await svgToPng(button.dataset.chartPng!), button.dataset.name!);
    } catch (error) {
      console.error(error);
      button.insertAdjacentText('afterend', ` ${button.dataset.failed ?? ''}`);
    } finally {
      button.disabled = false;
    }
  });
}
