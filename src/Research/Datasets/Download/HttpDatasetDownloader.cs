using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Research.IO;

namespace Research.Datasets.Download;

/// <summary>
/// Downloads over HTTP(S) into <c>targetFile.part</c>, resumes an interrupted transfer with a Range request (restarting
/// from zero when the server ignores Range), verifies SHA-256 and renames the part file to the target only when the
/// digest matches (or when no digest is expected). A mismatch deletes the part file. An interrupted call leaves the
/// part file, and the next call resumes from it. A target that already exists with the right digest is not downloaded
/// again. A first connection that fails (no network, name not resolved, refused) fails at once, without retries.
/// </summary>
public sealed class HttpDatasetDownloader : IDatasetDownloader, IDisposable
{
    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly DownloadOptions _options;

    /// <summary>Uses <paramref name="client"/> (not disposed here) or a new one, with <paramref name="options"/>.</summary>
    public HttpDatasetDownloader(HttpClient? client = null, DownloadOptions? options = null)
    {
        _options = options ?? DownloadOptions.Default;
        _options.Validate();
        _ownsClient = client is null;
        _client = client ?? new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, ConnectTimeout = TimeSpan.FromSeconds(15) });
    }

    /// <inheritdoc />
    public async Task<string> DownloadAsync(Uri url, string? sha256, string targetFile, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(targetFile);
        string? expected = sha256 is null ? null : CheckDigest(sha256, url);
        string target = Path.GetFullPath(targetFile);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            string existing = FileHash.Sha256(target);
            if (expected is null || existing == expected) return existing;
        }
        string part = target + ".part";
        for (int attempt = 1; ; attempt++)
        {
            var transfer = new Transfer(_client, url, part, progress);
            try
            {
                await transfer.RunAsync(ct).ConfigureAwait(false);
                break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !transfer.Connected && !ct.IsCancellationRequested)
            {
                throw new DownloadFailedException($"{url}: cannot connect ({e.Message}); check the network connection{(File.Exists(part) ? $", then run again to resume from {part}" : "")}.", e);
            }
            catch (Exception e) when (e is IOException or HttpRequestException && e is not DownloadFailedException && !ct.IsCancellationRequested)
            {
                if (attempt >= _options.MaxAttempts)
                {
                    throw new DownloadFailedException($"{url}: the download was interrupted {attempt} time(s) ({e.Message}); run again to resume from {part}.", e);
                }
                await Task.Delay(_options.RetryDelay, ct).ConfigureAwait(false);
            }
        }
        string actual = FileHash.Sha256(part);
        if (expected is not null && actual != expected)
        {
            File.Delete(part);
            throw new DownloadFailedException($"{url}: SHA-256 mismatch: expected {expected}, got {actual}; the download was deleted. The file may have changed on the server: check the checksum in the manifest.");
        }
        File.Move(part, target, overwrite: true);
        return actual;
    }

    /// <summary>Disposes the HTTP client if this instance created it.</summary>
    public void Dispose()
    {
        if (_ownsClient) _client.Dispose();
    }

    private static string CheckDigest(string sha256, Uri url)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        string digest = sha256.Trim().ToLowerInvariant();
        if (digest.Length != 64 || !digest.All(Uri.IsHexDigit))
        {
            throw new InputException($"{url}: the expected SHA-256 '{sha256}' is not 64 hexadecimal digits.");
        }
        return digest;
    }

    /// <summary>One HTTP request appending to (or restarting) the part file.</summary>
    private sealed class Transfer(HttpClient client, Uri url, string part, IProgress<long>? progress)
    {
        /// <summary>True once the server answered (a later failure is an interruption worth retrying).</summary>
        public bool Connected { get; private set; }

        public async Task RunAsync(CancellationToken ct)
        {
            long have = File.Exists(part) ? new FileInfo(part).Length : 0;
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (have > 0) request.Headers.Range = new RangeHeaderValue(have, null);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            Connected = true;
            if (have > 0 && response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                if (response.Content.Headers.ContentRange?.Length == have) return;
                File.Delete(part);
                throw new IOException($"the server refused to resume at byte {have}; restarting from the beginning");
            }
            CheckStatus(response);
            bool resume = have > 0 && response.StatusCode == HttpStatusCode.PartialContent;
            if (resume && response.Content.Headers.ContentRange?.From != have)
            {
                File.Delete(part);
                throw new IOException($"the server resumed at byte {response.Content.Headers.ContentRange?.From} instead of {have}; restarting from the beginning");
            }
            long done = resume ? have : 0;
            long? total = resume ? response.Content.Headers.ContentRange?.Length : response.Content.Headers.ContentLength;
            await using var source = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using var file = new FileStream(part, resume ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            progress?.Report(done);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await source.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                done += read;
                progress?.Report(done);
            }
            if (total is long length && done < length) throw new IOException($"the connection closed after {done} of {length} bytes");
        }

        private void CheckStatus(HttpResponseMessage response)
        {
            if (response.IsSuccessStatusCode) return;
            string status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            if ((int)response.StatusCode >= 500) throw new HttpRequestException($"the server answered {status}");
            throw new DownloadFailedException($"{url}: the server answered {status}; check the URL (the dataset may have moved) or obtain the file by hand.");
        }
    }
}
