using System.Buffers.Binary;
using System.Text;

namespace Research.Torch.Tests.Runtime;

/// <summary>
/// Checks what environment/msbuild/LibTorchSharpGlibcxx.targets did to the output copy of libLibTorchSharp.so:
/// on a host whose libstdc++ lacks GLIBCXX_3.4.32 that requirement must be weak, and the NuGet cache copy untouched.
/// </summary>
public sealed class NativeLibraryPatchTests
{
    private const string Version = "GLIBCXX_3.4.32";

    [Fact]
    public void The_output_copy_is_weak_exactly_when_the_host_needs_it()
    {
        string output = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(output), $"{output} is missing");
        ushort? flags = VersionNeedFlags(File.ReadAllBytes(output), Version);
        Assert.NotNull(flags);
        bool hostHasIt = HostLibStdCxxHas(Version);
        Assert.Equal(!hostHasIt, (flags!.Value & 0x2) != 0);
    }

    [Fact]
    public void The_nuget_cache_copy_is_left_as_shipped()
    {
        string home = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                      ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string cached = Path.Combine(home, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(cached), $"{cached} is missing: restore the solution first");
        ushort? flags = VersionNeedFlags(File.ReadAllBytes(cached), Version);
        Assert.Equal((ushort)0, flags);
    }

    private static bool HostLibStdCxxHas(string version)
    {
        string path = new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6" }
            .First(File.Exists);
        return File.ReadAllBytes(path).AsSpan().IndexOf(Encoding.ASCII.GetBytes(version + "\0")) >= 0;
    }

    /// <summary>An independent reading of .gnu.version_r: the flags of the named version need, or null.</summary>
    private static ushort? VersionNeedFlags(byte[] elf, string version)
    {
        var span = elf.AsSpan();
        long shoff = (long)BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]);
        int shentsize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]);
        int shnum = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);
        for (int i = 0; i < shnum; i++)
        {
            var sh = span[(int)(shoff + i * shentsize)..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(sh[4..]) != 0x6ffffffe) continue;
            int offset = (int)BinaryPrimitives.ReadUInt64LittleEndian(sh[0x18..]);
            int link = (int)BinaryPrimitives.ReadUInt32LittleEndian(sh[0x28..]);
            int strtab = (int)BinaryPrimitives.ReadUInt64LittleEndian(span[(int)(shoff + link * shentsize + 0x18)..]);
            int need = offset;
            while (true)
            {
                int count = BinaryPrimitives.ReadUInt16LittleEndian(span[(need + 2)..]);
                int aux = need + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(need + 8)..]);
                for (int k = 0; k < count; k++)
                {
                    int name = strtab + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 8)..]);
                    int end = span[name..].IndexOf((byte)0);
                    if (Encoding.ASCII.GetString(span.Slice(name, end)) == version)
                        return BinaryPrimitives.ReadUInt16LittleEndian(span[(aux + 4)..]);
                    aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 12)..]);
                }
                int next = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(need + 12)..]);
                if (next == 0) return null;
                need += next;
            }
        }
        return null;
    }
}
