print("rollbook")
