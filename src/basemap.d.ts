/** The built-in base map's GeoJSON, turned into paths at build time (scripts/vite/basemap.ts). */
declare module '*.geojson?basemap' {
  const basemap: import('$lib/components/map/basemap').Basemap;
  export default basemap;
}
