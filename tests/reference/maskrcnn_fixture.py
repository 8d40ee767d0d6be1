"""What the Mask R-CNN benchmark scripts share: reading an image and its truth as the C# harness wrote them
(tests/Research.Benchmarks/Fixtures/DetectionFixtures.cs) and counting parameters as torchvision reports them."""
import os

import numpy as np
import torch


def load(folder, name, height, width):
    """The image [3, H, W] float32 and its target dict (boxes, labels all 1, uint8 masks) written under `name`."""
    image = torch.from_numpy(np.fromfile(os.path.join(folder, f"image{name}.f32"), dtype="<f4").reshape(3, height, width))
    masks = torch.from_numpy(np.fromfile(os.path.join(folder, f"masks{name}.u8"), dtype=np.uint8).reshape(-1, height, width))
    boxes = torch.tensor(np.loadtxt(os.path.join(folder, f"boxes{name}.txt"), dtype=np.float32).reshape(-1, 4))
    return image, {"boxes": boxes, "labels": torch.ones(len(boxes), dtype=torch.int64), "masks": masks}


def parameter_count(model):
    """The parameters with the frozen batch norms' scales and shifts, as torchvision counts a model built without trained weights."""
    return sum(v.numel() for k, v in model.state_dict().items() if not k.endswith(("running_mean", "running_var", "num_batches_tracked")))
