namespace Research.Torch.Models;

/// <summary>The segmentation models the registry can build.</summary>
public enum ModelKind
{
    /// <summary><c>unet</c>: Ronneberger-style U-Net (Ronneberger, Fischer and Brox 2015), depth 4.</summary>
    Unet,
    /// <summary><c>bh2019-unet</c>: the U-Net of the BioHackathon 2019 kidney electron-microscopy nucleus work.</summary>
    Bh2019Unet,
    /// <summary><c>c-resunet</c>: Morelli et al. 2021's residual U-Net for fluorescent neuronal cells.</summary>
    CResUnet,
    /// <summary><c>mask-rcnn</c>: Mask R-CNN (He et al. 2017) as torchvision builds it, on a ResNet-FPN backbone; boxes and masks per object, not a per-pixel map.</summary>
    MaskRcnn,
}
