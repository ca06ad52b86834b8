print("learning-contract: not built yet")
