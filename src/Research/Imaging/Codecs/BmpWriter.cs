using System.Buffers.Binary;

namespace Research.Imaging.Codecs;

/// <summary>
/// Writes uncompressed Windows bitmaps (BITMAPINFOHEADER, bottom-up rows padded to 4 bytes): 8-bit grey
/// images as 8 bits per pixel with a 256-entry grey palette, RGB images as 24 bits per pixel (stored BGR).
/// SkiaSharp has no BMP encoder, hence this writer. Resolution is recorded as 72 dpi (2835 pixels/metre).
/// </summary>
internal static class BmpWriter
{
    private const int FileHeaderSize = 14;
    private const int InfoHeaderSize = 40;

    /// <summary>Writes a 1-channel (grey) or 3-channel (RGB) 8-bit image.</summary>
    public static void Write(Stream stream, Image<byte> image)
    {
        bool grey = image.Channels == 1;
        int bitsPerPixel = grey ? 8 : 24;
        int stride = (image.Width * bitsPerPixel + 31) / 32 * 4;
        int paletteSize = grey ? 256 * 4 : 0;
        int offset = FileHeaderSize + InfoHeaderSize + paletteSize;
        long fileSize = offset + (long)stride * image.Height;
        if (fileSize > uint.MaxValue) throw new InputException($"A {image} image is too large for a BMP file; write PNG or TIFF instead.");

        var header = new byte[offset];
        Span<byte> h = header;
        h[0] = (byte)'B';
        h[1] = (byte)'M';
        BinaryPrimitives.WriteUInt32LittleEndian(h[2..], (uint)fileSize);
        BinaryPrimitives.WriteInt32LittleEndian(h[10..], offset);
        BinaryPrimitives.WriteInt32LittleEndian(h[14..], InfoHeaderSize);
        BinaryPrimitives.WriteInt32LittleEndian(h[18..], image.Width);
        BinaryPrimitives.WriteInt32LittleEndian(h[22..], image.Height);
        BinaryPrimitives.WriteUInt16LittleEndian(h[26..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(h[28..], (ushort)bitsPerPixel);
        BinaryPrimitives.WriteUInt32LittleEndian(h[34..], (uint)(stride * image.Height));
        BinaryPrimitives.WriteInt32LittleEndian(h[38..], 2835);
        BinaryPrimitives.WriteInt32LittleEndian(h[42..], 2835);
        BinaryPrimitives.WriteInt32LittleEndian(h[46..], grey ? 256 : 0);
        for (int i = 0; i < paletteSize / 4; i++)
        {
            int p = FileHeaderSize + InfoHeaderSize + 4 * i;
            h[p] = h[p + 1] = h[p + 2] = (byte)i;
        }
        stream.Write(header);

        var row = new byte[stride];
        for (int y = image.Height - 1; y >= 0; y--)
        {
            ReadOnlySpan<byte> src = image.Row(y);
            if (grey)
            {
                src.CopyTo(row);
            }
            else
            {
                for (int x = 0; x < image.Width; x++)
                {
                    row[3 * x] = src[3 * x + 2];
                    row[3 * x + 1] = src[3 * x + 1];
                    row[3 * x + 2] = src[3 * x];
                }
            }
            stream.Write(row);
        }
    }
}
