// The Cesium viewer with nothing from the network (STACK.md, "globe"): no Ion token,
// Cesium's bundled NaturalEarthII imagery (levels 0-2 only), the plain ellipsoid for
// terrain, and none of the widgets that call out (geocoder, base-layer picker, help).
// The scene renders on demand: layers ask for a frame when they change.
import {
  buildModuleUrl,
  Color,
  EllipsoidTerrainProvider,
  ImageryLayer,
  Ion,
  TileMapServiceImageryProvider,
  Viewer,
} from 'cesium';
import 'cesium/Build/Cesium/Widgets/widgets.css';

/** Highest level of the bundled NaturalEarthII tiles. */
const NATURAL_EARTH_MAX_LEVEL = 2;

export function createViewer(container: HTMLElement): Viewer {
  Ion.defaultAccessToken = '';
  const viewer = new Viewer(container, {
    baseLayer: ImageryLayer.fromProviderAsync(
      TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII'), {
        maximumLevel: NATURAL_EARTH_MAX_LEVEL,
      }),
    ),
    terrainProvider: new EllipsoidTerrainProvider(),
    baseLayerPicker: false,
    geocoder: false,
    homeButton: false,
    sceneModePicker: false,
    navigationHelpButton: false,
    animation: false,
    timeline: false,
    fullscreenButton: false,
    infoBox: false,
    selectionIndicator: false,
    requestRenderMode: true,
    maximumRenderTimeChange: Number.POSITIVE_INFINITY,
  });
  viewer.scene.globe.baseColor = Color.fromCssColorString('#0b1a2a');
  if (viewer.scene.skyAtmosphere) viewer.scene.skyAtmosphere.show = false;
  viewer.scene.fog.enabled = false;
  viewer.scene.globe.showGroundAtmosphere = false;
  // The credit line links out to Cesium; keep the credit text, without its logo image fetch.
  (viewer.cesiumWidget.creditContainer as HTMLElement).style.display = 'none';
  return viewer;
}
