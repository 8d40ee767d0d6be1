using Research.Imaging;
using Research.Imaging.Codecs;
using static Research.Tests.Imaging.Codecs.CodecTestSupport;
using static Research.Tests.TestSupport.Repository;

namespace Research.Tests.Imaging.Codecs;

/// <summary>Reads real files from ../shared/data (never copied into the repository); fails, naming the folder, without it.</summary>
public sealed class SharedDataTests
{
    [Fact]
    public void Stardist_mask_is_a_16_bit_label_image_with_125_labels()
    {
        var mask = ImageFile.Read<ushort>(SharedData("stardist-sample/mask2d.tif"));
        Assert.Equal((512, 512, 1), (mask.Width, mask.Height, mask.Channels));
        Assert.Equal(125, mask.Data.Where(v => v != 0).Distinct().Count());
        Assert.Equal(183, mask.Data.Max());
    }

    [Fact]
    public void Stardist_image_is_16_bit_grey()
    {
        var image = ImageFile.Read<ushort>(SharedData("stardist-sample/img2d.tif"));
        Assert.Equal((512, 512, 1), (image.Width, image.Height, image.Channels));
        // Facts checked with OpenCV 4.6 (cv2.imread(..., IMREAD_UNCHANGED)).
        Assert.Equal(new ushort[] { 14, 19, 22, 14, 16 }, image.Data[..5]);
        Assert.Equal(235, image.Data.Max());
        Assert.Equal(8_331_268L, image.Data.Sum(v => (long)v));
    }

    [Fact]
    public void Dsb2018_training_images_are_8_bit_rgba()
    {
        string folder = SharedData("dsb2018/stage1_train");
        // The first three ids in ordinal order; sizes and sums checked with Pillow 9.4.
        var expected = new (int Width, int Height, long Sum)[] { (256, 256, 17_919_291), (256, 256, 18_484_809), (320, 256, 63_860_958) };
        string[] ids = Directory.GetDirectories(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(3).ToArray()!;
        for (int i = 0; i < ids.Length; i++)
        {
            var image = ImageFile.Read<byte>(Path.Combine(folder, ids[i], "images", ids[i] + ".png"));
            Assert.Equal((expected[i].Width, expected[i].Height, 4), (image.Width, image.Height, image.Channels));
            Assert.Equal(expected[i].Sum, image.Data.Sum(v => (long)v));
            Assert.All(Enumerable.Range(0, image.Width * image.Height), p => Assert.Equal(255, image.Data[4 * p + 3]));
        }
    }
}
