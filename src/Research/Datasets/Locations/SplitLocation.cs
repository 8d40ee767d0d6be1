using Research.Datasets.Manifests;

namespace Research.Datasets.Locations;

/// <summary>One split of a local copy: its manifest entry and the folder it was found in.</summary>
/// <param name="Split">The manifest split.</param>
/// <param name="Folder">Its folder (full path); it may be missing when the split was named but not found.</param>
/// <param name="Note">Said to the user when the folder was not found the standard way (a split's own folder given as the root), else null.</param>
public sealed record SplitLocation(SplitSpec Split, string Folder, string? Note);
