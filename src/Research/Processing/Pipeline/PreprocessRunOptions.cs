namespace Research.Processing.Pipeline;

/// <summary>Masks and tiling for <see cref="PreprocessRun"/>.</summary>
public sealed record PreprocessRunOptions
{
    /// <summary>
    /// A folder of masks or label images matched to the images by file stem (<c>a.png</c> and <c>a.tif</c> pair up):
    /// they get the pipeline's geometry (<see cref="PreprocessPipeline.ApplyToMask"/>) and are written to
    /// <c>OUT/masks/</c> in their own format and bit depth. Null: images only.
    /// </summary>
    public string? Masks { get; init; }

    /// <summary>Cut every result into square tiles of this side (<see cref="Tiling"/>); 0: no tiling. <value>The default value is 0.</value></summary>
    public int Tile { get; init; }

    /// <summary>Distance between tile corners; 0 means the tile side (no overlap). <value>The default value is 0.</value></summary>
    public int Stride { get; init; }

    /// <summary>Throws an <see cref="InputException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Tile < 0) throw new InputException($"--tile must be 0 (no tiling) or a side in pixels, got {Tile}.");
        if (Stride < 0) throw new InputException($"--stride must be 0 (the tile side) or more, got {Stride}.");
        if (Tile == 0 && Stride > 0) throw new InputException("--stride needs --tile.");
        if (Stride > Tile) throw new InputException($"A stride of {Stride} px larger than the tile ({Tile} px) would leave gaps; use a stride at most the tile size.");
        if (Masks is not null && !Directory.Exists(Masks)) throw new InputException($"{Masks}: no such folder; give the folder of masks with --masks.");
    }
}
