namespace Research.Datasets.Manifests;

/// <summary>How a dataset's files are laid out on disk; each kind has one reader. Written in manifests in kebab-case.</summary>
public enum LayoutKind
{
    /// <summary><c>&lt;id&gt;/images/&lt;id&gt;.png</c> with one PNG per object in <c>&lt;id&gt;/masks/</c> (Kaggle DSB2018).</summary>
    KaggleDsb,

    /// <summary>Cell Tracking Challenge: <c>NN/tTTT.tif</c>, <c>NN_GT/SEG/man_segTTT.tif</c>, <c>NN_GT/TRA</c>, <c>NN_ST/SEG</c>.</summary>
    Ctc,

    /// <summary>An image folder and a mask folder, matched by file stem with optional suffixes such as <c>_mask</c>.</summary>
    PairedFolders,

    /// <summary>An image folder and a CSV of Kaggle run-length encoded masks (<c>ImageId,EncodedPixels</c>).</summary>
    RleCsv,

    /// <summary>One sub-folder per class, holding that class's images (classification).</summary>
    ClassFolders,

    /// <summary>What <c>research datasets synth</c> writes: <c>images/&lt;id&gt;.png</c>, <c>labels/&lt;id&gt;.tif</c>.</summary>
    Synthetic,
}

/// <summary>A task a dataset supports.</summary>
public enum DatasetTask
{
    /// <summary>Per-pixel classes.</summary>
    Semantic,

    /// <summary>Per-object masks.</summary>
    Instance,

    /// <summary>One class per image.</summary>
    Classification,

    /// <summary>Bounding boxes.</summary>
    Detection,

    /// <summary>Number of objects per image.</summary>
    Counting,

    /// <summary>Objects followed over time.</summary>
    Tracking,
}

/// <summary>How the images were acquired.</summary>
public enum ImagingModality
{
    /// <summary>Fluorescence light microscopy.</summary>
    FluorescenceMicroscopy,

    /// <summary>Brightfield light microscopy, including stained smears and histology.</summary>
    BrightfieldMicroscopy,

    /// <summary>Phase-contrast microscopy.</summary>
    PhaseContrastMicroscopy,

    /// <summary>Differential interference contrast microscopy.</summary>
    DicMicroscopy,

    /// <summary>Electron microscopy.</summary>
    ElectronMicroscopy,

    /// <summary>Several light-microscopy modalities in one dataset.</summary>
    MixedMicroscopy,

    /// <summary>Magnetic resonance imaging.</summary>
    Mri,

    /// <summary>Ultrasound.</summary>
    Ultrasound,

    /// <summary>Projection radiography (chest X-ray).</summary>
    XRay,

    /// <summary>Mammography (screen-film or digital).</summary>
    Mammography,

    /// <summary>Endoscopy (colonoscopy).</summary>
    Endoscopy,

    /// <summary>Retinal fundus photography.</summary>
    FundusPhotography,

    /// <summary>Computer-generated images.</summary>
    Synthetic,
}

/// <summary>How the masks encode the truth.</summary>
public enum MaskEncoding
{
    /// <summary>One binary file per object (DSB2018 <c>masks/*.png</c>).</summary>
    InstancePerFile,

    /// <summary>One label image per frame: 0 background, each object its own positive value (16-bit TIFF).</summary>
    InstanceLabels,

    /// <summary>Foreground/background; values above the threshold are foreground (JPEG masks are noisy).</summary>
    Binary,

    /// <summary>Each class a fixed intensity (the class map), e.g. DDSM 64/128/192/255.</summary>
    ClassIntensity,

    /// <summary>Kaggle run-length encoding in a CSV file.</summary>
    Rle,

    /// <summary>No masks (classification by folder).</summary>
    None,
}

/// <summary>Manifest facts that can be marked unverified (listed in <c>unverified:</c>).</summary>
public enum ManifestField
{
    /// <summary>The licence or terms.</summary>
    Licence,

    /// <summary>Image and object counts of the splits.</summary>
    Counts,

    /// <summary>The citations.</summary>
    Citations,

    /// <summary>Homepage and source URLs.</summary>
    Urls,

    /// <summary>Image sizes and bit depths.</summary>
    Sizes,

    /// <summary>The file layout and path patterns.</summary>
    Layout,

    /// <summary>The mask encoding and class map.</summary>
    ClassMap,

    /// <summary>Organism and tissue.</summary>
    Organism,

    /// <summary>The split names and folders.</summary>
    Splits,

    /// <summary>How to obtain the data.</summary>
    Obtain,

    /// <summary>The version.</summary>
    Version,

    /// <summary>The download size.</summary>
    DownloadSize,
}
