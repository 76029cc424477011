/**
 * The OCI image model: digests, descriptors, manifests, indexes and configs, their media types and
 * canonical JSON, and (in subpackages) image layouts and references.
 */
package dev.temper.oci;
