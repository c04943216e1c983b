# multiprocessing.Pool with the fork context: map, apply_async, starmap, close and join.
import multiprocessing as mp


def sq(x):
    return x * x


def add(a, b):
    return a + b


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    # Shut down with close() and join(): Pith's Pool.terminate() (and so
    # leaving a `with` block) still hangs, in a thread join under a nested wait.
    pool = ctx.Pool(2)
    print(pool.map(sq, range(10)))
    r = pool.apply_async(add, (2, 3))
    print(r.get(timeout=10))
    print(pool.starmap(add, [(1, 2), (3, 4)]))
    print(pool.apply(add, (5, 6)))
    pool.close()
    pool.join()
