/** opencc-js ships types for its core but not for its per-locale dictionaries. */
declare module 'opencc-js/from/tw' {
  const groups: import('opencc-js/core').DictGroup[];
  export default groups;
}
declare module 'opencc-js/to/cn' {
  const groups: import('opencc-js/core').DictGroup[];
  export default groups;
}
declare module 'opencc-js/dict/HKVariantsRev' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TWVariantsRev' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
