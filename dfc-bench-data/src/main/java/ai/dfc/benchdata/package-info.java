/**
 * The procedural world of functional objects, mesh import, renders and the dataset layouts (ours and the reference's), and the Benchmark plugins.
 */
package ai.dfc.benchdata;
