# ProcessPoolExecutor with the fork context.
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

def sq(x):
    return x * x

if __name__ == "__main__":
    with ProcessPoolExecutor(2, mp_context=mp.get_context("fork")) as ex:
        print(list(ex.map(sq, range(6))))
        print(ex.submit(sq, 7).result(timeout=10))
