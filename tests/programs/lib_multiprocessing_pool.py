# multiprocessing.Pool (fork): its task handler thread loops over
# `iter(taskqueue.get, None)` while the result handler and the main thread wait.
import multiprocessing
from multiprocessing.pool import ThreadPool


def square(x):
    return x * x


def fail(x):
    if x == 3:
        raise ValueError(f"bad item {x}")
    return x


if __name__ == "__main__":
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(sorted(pool.imap_unordered(square, range(6))))
        print(list(pool.imap(square, range(4), chunksize=2)))
        print(pool.starmap(pow, [(2, 5), (3, 3)]))
        print(pool.apply_async(square, (12,)).get(timeout=30))
        try:
            pool.map(fail, range(5))
        except ValueError as e:
            print("ValueError", e)
    pool = ctx.Pool(2)
    print(sum(pool.map(square, range(100))))
    pool.close()
    pool.join()
    with ThreadPool(3) as tp:
        print(tp.map(square, range(8)))
    print("done")
