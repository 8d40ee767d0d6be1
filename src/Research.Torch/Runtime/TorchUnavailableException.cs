namespace Research.Torch.Runtime;

/// <summary>libtorch could not be loaded; the message says why and what to do.</summary>
public sealed class TorchUnavailableException : Exception
{
    /// <summary>Creates the exception with a complete message.</summary>
    public TorchUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a complete message and the loader's error.</summary>
    public TorchUnavailableException(string message, Exception inner) : base(message, inner) { }
}
