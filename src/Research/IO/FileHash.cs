using System.Security.Cryptography;

namespace Research.IO;

/// <summary>SHA-256 digests of files, as lower-case hex (the form manifests and Croissant use).</summary>
public static class FileHash
{
    /// <summary>The SHA-256 of the file's content.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
