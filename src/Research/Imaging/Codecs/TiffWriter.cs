using BitMiracle.LibTiff.Classic;

namespace Research.Imaging.Codecs;

/// <summary>
/// Writes one or more pages to a little-endian TIFF with LibTiff.NET: chunky (interleaved) samples in strips
/// of about 64 KiB, no predictor, photometric min-is-black for 1-2 channels and RGB for 3-4, the second or
/// fourth channel marked as unassociated alpha. Pages of a multi-page file carry SubfileType "page" and
/// PageNumber tags. No date or software tag is written, so the bytes depend only on the images.
/// </summary>
internal static class TiffWriter
{
    /// <summary>Writes <paramref name="pages"/> to <paramref name="stream"/>; <paramref name="name"/> names it in errors.</summary>
    public static void Write(Stream stream, IReadOnlyList<IImage> pages, TiffCompression compression, string name)
    {
        TiffMessages.Begin();
        try
        {
            var buffer = new MemoryStream();
            using (Tiff tiff = Tiff.ClientOpen(name, "w", buffer, new TiffStream())
                ?? throw new IOException($"{name}: LibTiff could not start the TIFF file{TiffMessages.Detail()}."))
            {
                for (int p = 0; p < pages.Count; p++)
                {
                    WritePage(tiff, pages[p], p, pages.Count, compression, name);
                    if (!tiff.WriteDirectory()) throw new IOException($"{name}: LibTiff failed to write page {p + 1}{TiffMessages.Detail()}.");
                }
            }
            stream.Write(buffer.ToArray());
        }
        finally
        {
            TiffMessages.End();
        }
    }

    private static void WritePage(Tiff tiff, IImage image, int page, int pageCount, TiffCompression compression, string name)
    {
        int bytesPerSample = image.PixelType.BytesPerSample();
        int rowBytes = image.Width * image.Channels * bytesPerSample;
        tiff.SetField(TiffTag.IMAGEWIDTH, image.Width);
        tiff.SetField(TiffTag.IMAGELENGTH, image.Height);
        tiff.SetField(TiffTag.SAMPLESPERPIXEL, image.Channels);
        tiff.SetField(TiffTag.BITSPERSAMPLE, bytesPerSample * 8);
        tiff.SetField(TiffTag.SAMPLEFORMAT, image.PixelType switch
        {
            PixelType.Float32 => SampleFormat.IEEEFP,
            PixelType.Int32 => SampleFormat.INT,
            _ => SampleFormat.UINT,
        });
        tiff.SetField(TiffTag.PHOTOMETRIC, image.Channels >= 3 ? Photometric.RGB : Photometric.MINISBLACK);
        if (image.Channels is 2 or 4) tiff.SetField(TiffTag.EXTRASAMPLES, 1, new short[] { (short)ExtraSample.UNASSALPHA });
        tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
        tiff.SetField(TiffTag.ORIENTATION, Orientation.TOPLEFT);
        tiff.SetField(TiffTag.COMPRESSION, compression switch
        {
            TiffCompression.None => Compression.NONE,
            TiffCompression.Lzw => Compression.LZW,
            _ => Compression.ADOBE_DEFLATE,
        });
        tiff.SetField(TiffTag.ROWSPERSTRIP, Math.Clamp((1 << 16) / rowBytes, 1, image.Height));
        if (pageCount > 1)
        {
            tiff.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
            tiff.SetField(TiffTag.PAGENUMBER, page, pageCount);
        }
        byte[] samples = TiffSamples.Bytes(image);
        var row = new byte[rowBytes];
        for (int y = 0; y < image.Height; y++)
        {
            Array.Copy(samples, (long)y * rowBytes, row, 0, rowBytes);
            if (!tiff.WriteScanline(row, y))
            {
                throw new IOException($"{name}: LibTiff failed to write row {y} of page {page + 1}{TiffMessages.Detail()}.");
            }
        }
    }
}
