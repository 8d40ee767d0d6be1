using Research.Randomness;

namespace Research.Datasets.Synthetic;

/// <summary>A nucleus in one frame of a time-lapse, with the id of the track it belongs to.</summary>
/// <param name="Track">The track id (the label in the frame's masks), from 1.</param>
/// <param name="Nucleus">The nucleus' shape and position in this frame.</param>
internal readonly record struct TrackedNucleus(int Track, Nucleus Nucleus);

/// <summary>
/// The motion and lineage of a synthetic time-lapse, before rendering: the nuclei of every frame with their track ids,
/// and each daughter track's parent.
/// <para>
/// Frame 0 holds 10-18 nuclei per 256 x 256 px (scaled with area; settings in <see cref="SyntheticTimelapseOptions"/>),
/// drawn as in <see cref="SyntheticNucleiGenerator"/> (equivalent radius log-uniform between the smallest and largest
/// radius) and placed uniformly where they do not crowd one another. From frame to frame each nucleus, in track
/// order: moves by a smooth random walk (velocity v = 0.7 v + 0.71 speed N(0, 1) per axis; a step that would take its
/// centre off the image reverses that axis' velocity, a step that would crowd another nucleus is not taken and halves
/// and reverses the velocity); turns by N(0, 0.05) rad; grows by 2^(1/(2 c)) in radius per frame, c the minimum cycle,
/// up to the largest radius and only where it crowds no one. A nucleus that has lived at least c frames and whose
/// equivalent radius is at least sqrt(2) times the smallest divides with the division probability: its track ends and
/// in the next frame two daughter tracks (new ids, parent = its id) begin, each with half its area, placed on either
/// side of its centre along a random axis (0.55 bounding radii away), oriented across that axis; a division that
/// would crowd other nuclei or leave the image is put off. Nuclei never crowd one another (see
/// <see cref="Nucleus.Crowds"/>), so every nucleus keeps its centre pixel when painted and every track is present in
/// each frame from its first to its last: track labels are consistent across frames by construction.
/// </para>
/// </summary>
internal sealed class SyntheticTimelapse
{
    /// <summary>The random stream of the motion; streams 0..frames-1 render the frames.</summary>
    private const ulong MotionStream = ulong.MaxValue;

    private SyntheticTimelapse(IReadOnlyList<IReadOnlyList<TrackedNucleus>> frames, IReadOnlyDictionary<int, int> parents)
    {
        Frames = frames;
        Parents = parents;
    }

    /// <summary>The nuclei of each frame, in track order.</summary>
    public IReadOnlyList<IReadOnlyList<TrackedNucleus>> Frames { get; }

    /// <summary>Daughter track id to parent track id (tracks present from frame 0 have none).</summary>
    public IReadOnlyDictionary<int, int> Parents { get; }

    /// <summary>Simulates the sequence of <see cref="SyntheticTimelapseOptions.Count"/> frames.</summary>
    public static SyntheticTimelapse Simulate(SyntheticTimelapseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var rng = SeededRandom.Derive(options.Seed, MotionStream);
        var cells = Initial(rng, options);
        int nextTrack = cells.Count + 1;
        var parents = new Dictionary<int, int>();
        var frames = new List<IReadOnlyList<TrackedNucleus>> { Snapshot(cells) };
        for (int t = 1; t < options.Count; t++)
        {
            var next = new List<Cell>(cells.Count + 4);
            var born = new List<Cell>();
            foreach (Cell cell in cells)
            {
                cell.Age++;
                var others = cells.Where(c => c != cell && !c.Divided).Concat(born).ToList();
                if (cell.Age >= options.MinCycleFrames && cell.Nucleus.EquivalentRadius >= Math.Sqrt(2) * options.MinRadius
                    && rng.Chance(options.DivisionProbability) && TryDivide(rng, cell, others, options.Size) is { } daughters)
                {
                    if (nextTrack + 1 > ushort.MaxValue) throw new InputException($"The time-lapse needs more than {ushort.MaxValue} tracks, more than a 16-bit mask holds: use fewer frames (--count) or a smaller --size.");
                    cell.Divided = true;
                    daughters.A.Track = nextTrack++;
                    daughters.B.Track = nextTrack++;
                    parents[daughters.A.Track] = cell.Track;
                    parents[daughters.B.Track] = cell.Track;
                    born.Add(daughters.A);
                    born.Add(daughters.B);
                    continue;
                }
                Move(rng, cell, others, options);
                next.Add(cell);
            }
            next.AddRange(born);
            cells = next;
            frames.Add(Snapshot(cells));
        }
        return new SyntheticTimelapse(frames, parents);
    }

    private static List<Cell> Initial(SeededRandom rng, SyntheticTimelapseOptions options)
    {
        int size = options.Size;
        double areaScale = size * (double)size / (256.0 * 256.0);
        int target = (int)Math.Round(rng.NextInt(options.MinNucleiPer256, options.MaxNucleiPer256 + 1) * areaScale);
        var cells = new List<Cell>(target);
        for (int n = 0; n < target; n++)
        {
            for (int attempt = 0; attempt < 20; attempt++)
            {
                var candidate = Nucleus.Draw(rng, rng.Uniform(1, size - 2), rng.Uniform(1, size - 2), options.MinRadius, options.MaxRadius);
                if (cells.Exists(c => candidate.Crowds(c.Nucleus))) continue;
                cells.Add(new Cell { Track = cells.Count + 1, Nucleus = candidate, Age = rng.NextInt(0, options.MinCycleFrames + 1) });
                break;
            }
        }
        return cells;
    }

    private static void Move(SeededRandom rng, Cell cell, List<Cell> others, SyntheticTimelapseOptions options)
    {
        cell.Vx = 0.7 * cell.Vx + 0.71 * options.Speed * rng.Normal();
        cell.Vy = 0.7 * cell.Vy + 0.71 * options.Speed * rng.Normal();
        Nucleus n = cell.Nucleus;
        double x = n.CenterX + cell.Vx, y = n.CenterY + cell.Vy;
        if (!Inside(x, options.Size)) { cell.Vx = -cell.Vx; x = n.CenterX; }
        if (!Inside(y, options.Size)) { cell.Vy = -cell.Vy; y = n.CenterY; }
        var moved = n with { CenterX = x, CenterY = y, Angle = n.Angle + rng.Normal(0, 0.05) };
        if (Crowded(moved, others))
        {
            cell.Vx *= -0.5;
            cell.Vy *= -0.5;
        }
        else
        {
            cell.Nucleus = moved;
        }
        double growth = Math.Min(Math.Pow(2, 1.0 / (2 * options.MinCycleFrames)), options.MaxRadius / cell.Nucleus.EquivalentRadius);
        if (growth <= 1) return;
        var grown = cell.Nucleus with { SemiMajor = cell.Nucleus.SemiMajor * growth, SemiMinor = cell.Nucleus.SemiMinor * growth };
        if (!Crowded(grown, others)) cell.Nucleus = grown;
    }

    private static (Cell A, Cell B)? TryDivide(SeededRandom rng, Cell cell, List<Cell> others, int size)
    {
        Nucleus n = cell.Nucleus;
        double axis = rng.Uniform(0, Math.PI);
        double half = 1 / Math.Sqrt(2);
        var daughter = n with { SemiMajor = n.SemiMajor * half, SemiMinor = n.SemiMinor * half, Angle = axis + Math.PI / 2 + rng.Normal(0, 0.2) };
        double offset = 0.55 * daughter.BoundingRadius;
        double dx = offset * Math.Cos(axis), dy = offset * Math.Sin(axis);
        var a = daughter with { CenterX = n.CenterX + dx, CenterY = n.CenterY + dy };
        var b = daughter with { CenterX = n.CenterX - dx, CenterY = n.CenterY - dy };
        if (!Inside(a.CenterX, size) || !Inside(a.CenterY, size) || !Inside(b.CenterX, size) || !Inside(b.CenterY, size)) return null;
        if (a.Crowds(b) || Crowded(a, others) || Crowded(b, others)) return null;
        return (new Cell { Nucleus = a, Vx = cell.Vx + dx / 4, Vy = cell.Vy + dy / 4 }, new Cell { Nucleus = b, Vx = cell.Vx - dx / 4, Vy = cell.Vy - dy / 4 });
    }

    /// <summary>A centre must lie on a pixel of the image, one pixel in from the edge.</summary>
    private static bool Inside(double v, int size) => v >= 1 && v <= size - 2;

    private static bool Crowded(Nucleus nucleus, List<Cell> others) => others.Exists(o => nucleus.Crowds(o.Nucleus));

    private static List<TrackedNucleus> Snapshot(List<Cell> cells) => cells.Select(c => new TrackedNucleus(c.Track, c.Nucleus)).ToList();

    /// <summary>The simulation's mutable state of one nucleus.</summary>
    private sealed class Cell
    {
        public int Track { get; set; }
        public Nucleus Nucleus { get; set; }
        public double Vx { get; set; }
        public double Vy { get; set; }
        public int Age { get; set; }
        public bool Divided { get; set; }
    }
}
