using System.Runtime.InteropServices;
using BitMiracle.LibTiff.Classic;
using Research.Imaging.Codecs;
using static Research.Tests.Imaging.Codecs.CodecTestSupport;

namespace Research.Tests.Imaging.Codecs;

/// <summary>TIFF layouts our writer does not produce (tiles, planar-separate samples), written here with LibTiff.NET directly.</summary>
public sealed class TiffLayoutTests
{
    private const int W = 37, H = 21, C = 3;

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Tiled_and_planar_separate_pages_read_as_interleaved_samples(bool tiled, bool separate)
    {
        var expected = Pattern16(W, H, C);
        using var temp = new TempFolder();
        string path = temp.File("layout.tif");
        File.WriteAllBytes(path, Write(tiled, separate));
        AssertSame(expected, ImageFile.Read(path));
    }

    private static byte[] Write(bool tiled, bool separate)
    {
        var image = Pattern16(W, H, C);
        using var buffer = new MemoryStream();
        using (var tiff = Tiff.ClientOpen("layout", "w", buffer, new TiffStream()))
        {
            tiff.SetField(TiffTag.IMAGEWIDTH, W);
            tiff.SetField(TiffTag.IMAGELENGTH, H);
            tiff.SetField(TiffTag.SAMPLESPERPIXEL, C);
            tiff.SetField(TiffTag.BITSPERSAMPLE, 16);
            tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.RGB);
            tiff.SetField(TiffTag.COMPRESSION, Compression.ADOBE_DEFLATE);
            tiff.SetField(TiffTag.PLANARCONFIG, separate ? PlanarConfig.SEPARATE : PlanarConfig.CONTIG);
            int planes = separate ? C : 1, perPixel = separate ? 1 : C;
            if (tiled)
            {
                tiff.SetField(TiffTag.TILEWIDTH, 16);
                tiff.SetField(TiffTag.TILELENGTH, 16);
                for (int plane = 0; plane < planes; plane++)
                    for (int ty = 0; ty < H; ty += 16)
                        for (int tx = 0; tx < W; tx += 16)
                        {
                            var tile = new ushort[16 * 16 * perPixel];
                            for (int y = 0; y < 16 && ty + y < H; y++)
                                for (int x = 0; x < 16 && tx + x < W; x++)
                                    for (int c = 0; c < perPixel; c++)
                                        tile[(y * 16 + x) * perPixel + c] = image[tx + x, ty + y, separate ? plane : c];
                            byte[] bytes = MemoryMarshal.AsBytes(tile.AsSpan()).ToArray();
                            tiff.WriteTile(bytes, tx, ty, 0, (short)plane);
                        }
            }
            else
            {
                tiff.SetField(TiffTag.ROWSPERSTRIP, 4);
                for (int plane = 0; plane < planes; plane++)
                    for (int y = 0; y < H; y++)
                    {
                        var row = new ushort[W * perPixel];
                        for (int x = 0; x < W; x++)
                            for (int c = 0; c < perPixel; c++)
                                row[x * perPixel + c] = image[x, y, separate ? plane : c];
                        tiff.WriteScanline(MemoryMarshal.AsBytes(row.AsSpan()).ToArray(), y, (short)plane);
                    }
            }
        }
        return buffer.ToArray();
    }
}
