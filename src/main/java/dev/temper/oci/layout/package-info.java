/**
 * OCI image layout directories: {@link dev.temper.oci.layout.OciLayout} reads one, {@link
 * dev.temper.oci.layout.OciLayoutWriter} creates one or adds to one, and {@link
 * dev.temper.oci.layout.OciLayoutSource} opens an image in one.
 */
package dev.temper.oci.layout;
