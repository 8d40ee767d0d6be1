namespace Research.Torch.Training;

/// <summary>Training cannot go on (for example the loss became NaN); the message says where and what was kept.</summary>
public sealed class TrainingFailedException : Exception
{
    /// <summary>Creates the exception with a complete message.</summary>
    public TrainingFailedException(string message) : base(message) { }
}
