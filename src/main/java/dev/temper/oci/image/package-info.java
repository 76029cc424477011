/**
 * The image abstraction: {@link dev.temper.oci.image.ImageSource} over every place an image can be,
 * {@link dev.temper.oci.image.ImageSources} to open one from a reference, and {@link
 * dev.temper.oci.image.ImageFiles} for its final file view.
 */
package dev.temper.oci.image;
