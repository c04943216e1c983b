options = {"verbose": True, "paths": *search_paths}
