// dijitize/s3: uploads kept in object storage. Its own entry, so that only an app that uses it needs the
// AWS SDK (@aws-sdk/client-s3 and @aws-sdk/lib-storage, optional peer dependencies).
export { s3Store, type S3StoreOptions } from '../files/s3-store.js';
