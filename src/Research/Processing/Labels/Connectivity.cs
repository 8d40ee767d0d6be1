namespace Research.Processing.Labels;

/// <summary>Which neighbours make pixels connected.</summary>
public enum Connectivity
{
    /// <summary>Edge neighbours only (up, down, left, right).</summary>
    Four = 4,
    /// <summary>Edge and corner neighbours.</summary>
    Eight = 8,
}
