# A native data pipeline feeding torch: records are parsed and batched in mlc, each batch is
# a native tensor that torch sees without a copy (torch.from_dlpack), and a torch model runs
# on it.
from python import torch
from tensor import zeros

const BATCH: i64 = 4

# Rows of "feature_a,feature_b,label", as a file or a socket would give them.
fn records() -> List[str]:
    var rows = List[str]()
    for i in range(10):
        let a = f64(i) * 0.5
        let b = 1.0 - f64(i) * 0.1
        rows.append(f"{a},{b},{i % 2}")
    return rows

fn parse_batch(rows: List[str], start: i64) -> (Tensor[f32], Tensor[f32]):
    var count = min(BATCH, len(rows) - start)
    var features = zeros[f32]([count, 2])
    var labels = zeros[f32]([count])
    for r in range(count):
        let fields = rows[start + r].split(",")
        features[r, 0] = f32(fields[0])
        features[r, 1] = f32(fields[1])
        labels[r] = f32(fields[2])
    return (features, labels)

fn main():
    torch.manual_seed(0)
    let model = torch.nn.Linear(2, 1)
    let guard = torch.no_grad()
    guard.__enter__()
    model.weight.fill_(0.5)
    model.bias.fill_(-0.25)
    let rows = records()
    var start = 0
    while start < len(rows):
        let (features, labels) = parse_batch(rows, start)
        let batch = torch.from_dlpack(features)          # a view: no copy
        let scores = model(batch).squeeze(1)
        let predicted = scores > 0.5
        let hits = i64((predicted == torch.from_dlpack(labels).bool()).sum())
        print(f"batch at {start}: {len(batch)} rows, predicted {predicted.int().tolist()}, {hits} right")
        start += BATCH
    # The view and the native tensor are one memory: torch writes, mlc reads.
    let (features, _) = parse_batch(rows, 0)
    torch.from_dlpack(features).mul_(10.0)
    print(features[1, 0], features[1, 1])
    guard.__exit__(None, None, None)
