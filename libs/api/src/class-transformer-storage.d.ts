// class-transformer keeps @Type metadata in a module its package types do not map; class-validator-jsonschema
// needs it to follow nested classes.
declare module 'class-transformer/cjs/storage.js' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage.js';
}
