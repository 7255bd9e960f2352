"""Child process of the PageRank benchmark: igraph's PRPACK PageRank on the same edges.

usage: igraph-pagerank.py EDGES_TXT NODES SCORES_OUT
Reads the text edge list with igraph's C reader, adds the nodes that never appear in an edge,
runs pagerank(directed=True, damping=0.85, implementation='prpack'), writes the scores as
float64 and prints timings and peak RSS as JSON.
"""
import array
import json
import resource
import sys
import time

import igraph

path, nodes, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
t0 = time.perf_counter()
g = igraph.Graph.Read_Edgelist(path, directed=True)
if g.vcount() < nodes:
    g.add_vertices(nodes - g.vcount())
t1 = time.perf_counter()
pr = g.pagerank(directed=True, damping=0.85, implementation="prpack")
t2 = time.perf_counter()
with open(out, "wb") as f:
    array.array("d", pr).tofile(f)
print(json.dumps({
    "version": igraph.__version__,
    "nodes": g.vcount(),
    "edges": g.ecount(),
    "loadSeconds": t1 - t0,
    "pagerankSeconds": t2 - t1,
    "maxRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
