namespace Research.Torch.Workflows;

/// <summary>Progress of a long step: <paramref name="Done"/> of <paramref name="Total"/> units of <paramref name="Step"/>, with an optional changing <paramref name="Detail"/> (loss, ETA).</summary>
public sealed record WorkflowProgress(string Step, int Done, int Total, string? Detail = null);
