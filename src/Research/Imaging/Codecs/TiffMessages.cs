using System.Globalization;
using BitMiracle.LibTiff.Classic;

namespace Research.Imaging.Codecs;

/// <summary>
/// Collects LibTiff.NET's errors and warnings, which it would otherwise print to standard error, so that
/// they can go into the message of an <see cref="ImageFileException"/>. The handler is installed once for
/// the process (LibTiff's handler is global); messages are kept per thread, between <see cref="Begin"/>
/// and <see cref="End"/>, and dropped outside such a span.
/// </summary>
internal sealed class TiffMessages : TiffErrorHandler
{
    private static readonly Lock Gate = new();
    private static bool s_installed;

    [ThreadStatic]
    private static List<string>? t_messages;

    /// <summary>Starts collecting this thread's messages (installing the handler on first use).</summary>
    public static void Begin()
    {
        lock (Gate)
        {
            if (!s_installed)
            {
                Tiff.SetErrorHandler(new TiffMessages());
                s_installed = true;
            }
        }
        t_messages = [];
    }

    /// <summary>Stops collecting.</summary>
    public static void End() => t_messages = null;

    /// <summary>The collected messages as " (LibTiff: a; b)", or an empty string when there are none.</summary>
    public static string Detail()
    {
        List<string>? messages = t_messages;
        return messages is null || messages.Count == 0 ? "" : $" (LibTiff: {string.Join("; ", messages.Distinct().Take(5))})";
    }

    /// <inheritdoc />
    public override void ErrorHandler(Tiff tif, string method, string format, params object[] args) => Add(method, format, args);

    /// <inheritdoc />
    public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) { }

    /// <inheritdoc />
    public override void WarningHandler(Tiff tif, string method, string format, params object[] args) => Add(method, format, args);

    /// <inheritdoc />
    public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) { }

    private static void Add(string method, string format, object[] args)
    {
        string text;
        try
        {
            text = args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
        }
        catch (FormatException)
        {
            text = format;
        }
        t_messages?.Add(string.IsNullOrEmpty(method) ? text : $"{method}: {text}");
    }
}
