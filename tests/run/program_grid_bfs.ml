# Covers: a realistic program: breadth-first search on a grid read from strings, a List used as a queue with a head index, tuple positions, Dict of distances keyed by tuples
# Exit: 0

fn neighbors(r: i64, c: i64) -> List[(i64, i64)]:
    return [(r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)]

fn main():
    let maze = ["S.#.....", ".##.###.", "....#...", "#.#...#E", "...#...."]
    let rows = len(maze)
    let cols = len(maze[0])
    var start = (0, 0)
    var goal = (0, 0)
    for r in range(rows):
        for c in range(cols):
            if maze[r][c] == "S":
                start = (r, c)
            elif maze[r][c] == "E":
                goal = (r, c)
    var distance = Dict[(i64, i64), i64]()
    distance[start] = 0
    var queue = [start]
    var head = 0
    while head < len(queue):
        let (r, c) = queue[head]
        head += 1
        for (nr, nc) in neighbors(r, c):
            if nr < 0 or nr >= rows or nc < 0 or nc >= cols:
                continue
            if maze[nr][nc] == "#" or (nr, nc) in distance:
                continue
            distance[(nr, nc)] = distance[(r, c)] + 1
            queue.append((nr, nc))
    print("start", start, "goal", goal)
    print("steps", distance.get(goal, -1), "visited", len(distance))
    print("unreachable" if (0, 3) not in distance else f"(0, 3) at {distance[(0, 3)]}")
