export * from './types';
export { db, localDb, PathbookDb } from './db';
export { DocStore, ProfileRemovedError, UnsavedChangesError } from './doc-store';
export { STORAGE_LOAD, OTHER_TAB, countsAsLocalEdit, onDocChange, transactionChanged } from './origins';
export { markSynced, markStored, setNoPermission, readDocEntry, listDocEntries } from './bookkeeping';
export {
  createProfile,
  listProfiles,
  getProfile,
  updateProfile,
  removeProfile,
  unsyncedSummary,
  InvalidProfileError,
  ProfileRemovalBlockedError,
  type NewProfile,
  type ProfilePatch,
  type RemovalReport,
} from './profiles';
export { watchClassProjection, refreshStudentSummary, readClassSummaries, summaryRow, type ProjectionOptions } from './projection';
export { requestPersistence, storageUsage, type StorageUsage } from './storage-estimate';
export { docDbName } from './idb';
export {
  MAX_BLOB_BYTES,
  BlobRefusedError,
  keepBlob,
  keepFetchedBlob,
  readBlob,
  blobsToUpload,
  markBlobUploaded,
  forgetUnusedBlob,
} from './blobs';
