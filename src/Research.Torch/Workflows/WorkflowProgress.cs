namespace Research.Torch.Workflows;

/// <summary>Progress of a long step: <paramref name="Done"/> of <paramref name="Total"/> units of <paramref name="Step"/>.</summary>
public sealed record WorkflowProgress(string Step, int Done, int Total);
