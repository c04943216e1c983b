assert_equal(x, obj.attr := compute())
