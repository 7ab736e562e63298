/** The filesystem {@link io.clientworkspace.spi.BlobStore}: {@link io.clientworkspace.blob.FileSystemBlobStore}. */
@NullMarked
package io.clientworkspace.blob;

import org.jspecify.annotations.NullMarked;
