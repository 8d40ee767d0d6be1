using System.Globalization;

namespace Research.Torch.Sam.FineTuning;

/// <summary>
/// The resolved settings of <c>research sam finetune</c>, written to the run's <c>config.json</c>: the base checkpoint
/// (path and SHA-256), the model's sizes, the data, and the training recipe. The image encoder and the prompt encoder
/// stay frozen; only the mask decoder learns.
/// </summary>
public sealed record SamFineTuneOptions
{
    /// <summary>The base checkpoint (.pth).</summary>
    public required string Weights { get; init; }

    /// <summary>SHA-256 of <see cref="Weights"/> (filled in when the run starts; checked on resume and prediction).</summary>
    public string WeightsSha256 { get; init; } = "";

    /// <summary>vit-b, vit-l, vit-h or vit-t (or a name for a custom <see cref="Model"/>).</summary>
    public required string Variant { get; init; }

    /// <summary>The model's sizes (null: those of <see cref="Variant"/>).</summary>
    public SamConfig? Model { get; init; }

    /// <summary>A manifest dataset id with instance truth (CTC, DSB2018, label folders, ...).</summary>
    public required string Dataset { get; init; }

    /// <summary>The dataset's split folder.</summary>
    public required string Root { get; init; }

    /// <summary>Only samples whose id matches this pattern (<c>*</c>, <c>?</c>; e.g. <c>01/*</c> for CTC sequence 01), or null for all.</summary>
    public string? Include { get; init; }

    /// <summary>Epochs over the training frames.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>AdamW learning rate.</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>AdamW weight decay.</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Frames whose losses are averaged into one optimiser step.</summary>
    public int ImagesPerStep { get; init; } = 2;

    /// <summary>Objects (box prompts) drawn per frame and step; frames with fewer use all of theirs.</summary>
    public int PromptsPerImage { get; init; } = 16;

    /// <summary>Box jitter: each coordinate moves by Gaussian noise of this fraction of the box's side (SAM's training used 0.1).</summary>
    public double BoxJitter { get; init; } = 0.1;

    /// <summary>The largest move of a coordinate by the jitter, in pixels (SAM's training used 20).</summary>
    public double BoxJitterMax { get; init; } = 20;

    /// <summary>Mask loss: dice-bce (Dice + binary cross-entropy, as MedSAM) or focal-dice (20 focal + 1 Dice, as SAM).</summary>
    public string Loss { get; init; } = "dice-bce";

    /// <summary>Weight of the mean squared error between predicted and true IoU.</summary>
    public double IouLossWeight { get; init; } = 1.0;

    /// <summary>Fraction of the frames held out for validation (CTC SEG and DET each epoch).</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Seed of the split, the frame order, the prompts drawn and the jitter.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>The embedding cache folder (null: <c>RUN/embeddings</c>). Entries are keyed by image and weights, so runs may share one.</summary>
    public string? Cache { get; init; }

    /// <summary>libtorch threads (0: libtorch's choice).</summary>
    public int Threads { get; init; }

    /// <summary>The losses <see cref="Loss"/> may name.</summary>
    public static IReadOnlyList<string> Losses { get; } = ["dice-bce", "focal-dice"];

    /// <summary>The model's sizes.</summary>
    public SamConfig ModelConfig() => Model ?? SamConfig.ForVariant(Variant);

    /// <summary>Checks every value; throws <see cref="InputException"/> naming the option.</summary>
    public void Validate()
    {
        static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        if (Epochs < 1) throw new InputException($"--epochs {Epochs}: give at least 1");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new InputException($"--lr {F(LearningRate)}: give a positive learning rate such as 1e-4");
        if (!(WeightDecay >= 0) || !double.IsFinite(WeightDecay)) throw new InputException($"--weight-decay {F(WeightDecay)}: give 0 or more");
        if (ImagesPerStep < 1) throw new InputException($"--images-per-step {ImagesPerStep}: give at least 1");
        if (PromptsPerImage < 1) throw new InputException($"--prompts {PromptsPerImage}: give at least 1");
        if (!(BoxJitter >= 0) || BoxJitter > 1) throw new InputException($"--box-jitter {F(BoxJitter)}: give a fraction of the box side from 0 to 1 (0.1 as SAM)");
        if (!(BoxJitterMax >= 0) || !double.IsFinite(BoxJitterMax)) throw new InputException($"--box-jitter-max {F(BoxJitterMax)}: give 0 or more pixels");
        if (!Losses.Contains(Loss)) throw new InputException($"--loss {Loss}: choose one of {string.Join(", ", Losses)}");
        if (!(IouLossWeight >= 0) || !double.IsFinite(IouLossWeight)) throw new InputException($"--iou-weight {F(IouLossWeight)}: give 0 or more");
        if (!(ValidationFraction > 0) || ValidationFraction >= 1) throw new InputException($"--val-fraction {F(ValidationFraction)}: give a fraction between 0 and 1 (validation scores every epoch)");
        if (Threads < 0) throw new InputException($"--threads {Threads}: give 0 (libtorch's choice) or more");
        if (Model is null) SamConfig.FromOption(Variant);
    }
}
