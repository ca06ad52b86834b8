print("learning-bench: not built yet")
