using BitMiracle.LibTiff.Classic;

namespace Research.Imaging.Codecs;

/// <summary>
/// Reads TIFF pages with LibTiff.NET: 8- and 16-bit unsigned, 32-bit signed integer and 32-bit float
/// samples, 1 to 4 per pixel, stored in strips or tiles, chunky or planar-separate, with any compression
/// LibTiff.NET decodes (none, LZW, Deflate, PackBits, ...). Photometric interpretation is not applied:
/// samples are returned as stored (a min-is-white page is not inverted), and palette pages are refused.
/// </summary>
internal static class TiffReader
{
    /// <summary>Reads the first page, or every page when <paramref name="allPages"/> is true.</summary>
    public static IReadOnlyList<IImage> Read(byte[] file, string name, bool allPages)
    {
        TiffMessages.Begin();
        try
        {
            using var stream = new MemoryStream(file, writable: false);
            using Tiff tiff = Tiff.ClientOpen(name, "r", stream, new TiffStream())
                ?? throw new ImageFileException(name, $"is not a readable TIFF file: the header or first page is corrupt or truncated{TiffMessages.Detail()}.");
            var pages = new List<IImage>();
            do
            {
                pages.Add(ReadPage(tiff, name, pages.Count + 1));
            }
            while (allPages && tiff.ReadDirectory());
            return pages;
        }
        finally
        {
            TiffMessages.End();
        }
    }

    private static IImage ReadPage(Tiff tiff, string name, int page)
    {
        string where = $"page {page}";
        int width = Field(tiff, TiffTag.IMAGEWIDTH), height = Field(tiff, TiffTag.IMAGELENGTH);
        int channels = Field(tiff, TiffTag.SAMPLESPERPIXEL, 1), bits = Field(tiff, TiffTag.BITSPERSAMPLE, 1);
        var format = (SampleFormat)Field(tiff, TiffTag.SAMPLEFORMAT, (int)SampleFormat.UINT);
        var photometric = (Photometric)Field(tiff, TiffTag.PHOTOMETRIC, (int)Photometric.MINISBLACK);
        bool separate = (PlanarConfig)Field(tiff, TiffTag.PLANARCONFIG, (int)PlanarConfig.CONTIG) == PlanarConfig.SEPARATE;
        if (width <= 0 || height <= 0) throw new ImageFileException(name, $"{where} has no valid size ({width}x{height}); the file is corrupt{TiffMessages.Detail()}.");
        if (channels is < 1 or > 4) throw new ImageFileException(name, $"{where} has {channels} samples per pixel; only 1 to 4 (grey, grey+alpha, RGB, RGBA) are supported.");
        if (photometric is not (Photometric.MINISBLACK or Photometric.MINISWHITE or Photometric.RGB))
        {
            throw new ImageFileException(name, $"{where} uses photometric interpretation {photometric}, which is not supported; convert it to grey or RGB (e.g. with ImageMagick or Fiji).");
        }
        PixelType type = SampleType(bits, format) ?? throw new ImageFileException(name,
            $"{where} has {bits}-bit {format} samples, which are not supported; supported are 8- and 16-bit unsigned integers, 32-bit signed integers and 32-bit floats. Convert the file (e.g. with Fiji) to one of these.");
        var layout = new Layout(width, height, channels, type.BytesPerSample(), separate);
        byte[] bytes = tiff.IsTiled() ? ReadTiles(tiff, layout, name, where) : ReadStrips(tiff, layout, name, where);
        return TiffSamples.ToImage(type, bytes, width, height, channels);
    }

    private static byte[] ReadStrips(Tiff tiff, Layout l, string name, string where)
    {
        var output = new byte[l.RowBytes * l.Height];
        var buffer = new byte[Math.Max(tiff.ScanlineSize(), l.RowBytes)];
        for (int plane = 0; plane < l.Planes; plane++)
        {
            for (int y = 0; y < l.Height; y++)
            {
                if (!tiff.ReadScanline(buffer, y, (short)plane))
                {
                    throw new ImageFileException(name, $"{where}: row {y} cannot be read; the file is truncated or corrupt{TiffMessages.Detail()}.");
                }
                Span<byte> row = output.AsSpan(y * l.RowBytes, l.RowBytes);
                if (l.Separate) TiffSamples.Scatter(buffer, row, l.Width, l.BytesPerSample, l.Channels, plane);
                else buffer.AsSpan(0, l.RowBytes).CopyTo(row);
            }
        }
        return output;
    }

    private static byte[] ReadTiles(Tiff tiff, Layout l, string name, string where)
    {
        int tileWidth = Field(tiff, TiffTag.TILEWIDTH), tileHeight = Field(tiff, TiffTag.TILELENGTH);
        var output = new byte[l.RowBytes * l.Height];
        var buffer = new byte[tiff.TileSize()];
        int tileSamples = l.Separate ? 1 : l.Channels;
        for (int plane = 0; plane < l.Planes; plane++)
        {
            for (int ty = 0; ty < l.Height; ty += tileHeight)
            {
                for (int tx = 0; tx < l.Width; tx += tileWidth)
                {
                    if (tiff.ReadTile(buffer, 0, tx, ty, 0, (short)plane) < 0)
                    {
                        throw new ImageFileException(name, $"{where}: the tile at ({tx}, {ty}) cannot be read; the file is truncated or corrupt{TiffMessages.Detail()}.");
                    }
                    int columns = Math.Min(tileWidth, l.Width - tx);
                    for (int r = 0; r < tileHeight && ty + r < l.Height; r++)
                    {
                        ReadOnlySpan<byte> src = buffer.AsSpan(r * tileWidth * tileSamples * l.BytesPerSample);
                        Span<byte> dst = output.AsSpan((ty + r) * l.RowBytes + tx * l.Channels * l.BytesPerSample);
                        if (l.Separate) TiffSamples.Scatter(src, dst, columns, l.BytesPerSample, l.Channels, plane);
                        else src[..(columns * l.Channels * l.BytesPerSample)].CopyTo(dst);
                    }
                }
            }
        }
        return output;
    }

    private static PixelType? SampleType(int bits, SampleFormat format) => (bits, format) switch
    {
        (8, SampleFormat.UINT or SampleFormat.VOID) => PixelType.UInt8,
        (16, SampleFormat.UINT or SampleFormat.VOID) => PixelType.UInt16,
        (32, SampleFormat.INT) => PixelType.Int32,
        (32, SampleFormat.IEEEFP) => PixelType.Float32,
        _ => null,
    };

    private static int Field(Tiff tiff, TiffTag tag, int? fallback = null)
    {
        FieldValue[]? value = tiff.GetField(tag) ?? (fallback is null ? null : tiff.GetFieldDefaulted(tag));
        return value is { Length: > 0 } ? value[0].ToInt() : fallback ?? 0;
    }

    private sealed record Layout(int Width, int Height, int Channels, int BytesPerSample, bool Separate)
    {
        public int RowBytes => Width * Channels * BytesPerSample;

        public int Planes => Separate ? Channels : 1;
    }
}
