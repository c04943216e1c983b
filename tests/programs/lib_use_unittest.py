import unittest, io
class T(unittest.TestCase):
    def setUp(self): self.x = [1, 2]
    def test_ok(self): self.assertEqual(sum(self.x), 3)
    def test_fail(self): self.assertEqual(self.x, [1, 3])
    def test_err(self): raise KeyError("k")
    def test_raises(self):
        with self.assertRaises(ZeroDivisionError): 1 / 0
    def test_in(self): self.assertIn(3, self.x, "msg here")
    @unittest.skip("no reason")
    def test_skip(self): pass
    @unittest.expectedFailure
    def test_xf(self): self.assertTrue(False)
    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)
    def test_almost(self): self.assertAlmostEqual(0.1 + 0.2, 0.3); self.assertDictEqual({"a": 1}, {"a": 1})
    def test_str(self): self.assertEqual("abc\ndef\n", "abc\nxyz\n")
stream = io.StringIO()
suite = unittest.TestLoader().loadTestsFromTestCase(T)
res = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
out = stream.getvalue()
import re
out = re.sub(r"Ran (\d+) tests? in [\d.]+s", r"Ran \1 tests in Xs", out)
out = re.sub(r'File ".*?", line \d+', 'File "F", line N', out)
print(out)
print(res.wasSuccessful(), len(res.failures), len(res.errors), len(res.skipped), res.testsRun, len(res.expectedFailures))
class U(unittest.TestCase):
    def test_a(self): self.assertIsNone(None)
    def test_b(self): self.assertCountEqual([1, 2], [2, 1])
s2 = io.StringIO()
r2 = unittest.TextTestRunner(stream=s2).run(unittest.defaultTestLoader.loadTestsFromTestCase(U))
print(re.sub(r"[\d.]+s", "Xs", s2.getvalue()))
print(unittest.main.__name__ if hasattr(unittest.main, "__name__") else "main")
