"""Static site generator for barrier-free catalogues of offers for children, young people and families."""
