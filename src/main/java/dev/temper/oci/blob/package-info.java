/**
 * Blob input and output: streams that check a descriptor's digest and size while they are read, and
 * files written through a temporary file and an atomic rename.
 */
package dev.temper.oci.blob;
