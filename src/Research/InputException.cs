namespace Research;

/// <summary>
/// Bad input from the user: an unreadable file, an invalid option value, a missing folder. The message is
/// complete on its own (it names the file or option, what is wrong and what to do), so front ends print it
/// as one line without a stack trace. The `research` command exits with code 2 for these.
/// </summary>
public class InputException : Exception
{
    /// <summary>Creates the exception with a complete, user-facing message.</summary>
    public InputException(string message) : base(message) { }

    /// <summary>Creates the exception with a complete, user-facing message and the underlying cause.</summary>
    public InputException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>A file that cannot be read or written as an image; the message starts with the file's path.</summary>
public sealed class ImageFileException : InputException
{
    /// <summary>Creates the exception for <paramref name="path"/> with a description of the problem.</summary>
    public ImageFileException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner ?? new InvalidDataException(problem))
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>The file concerned.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
