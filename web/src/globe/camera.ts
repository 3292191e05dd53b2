// Camera presets (issue 7): the defended territory, the whole Earth, and following a
// track. The territory view frames the territory's bounds, or — for a source that
// does not name its territory (a recorded run) — the alerts' predicted impact areas.
import { Cartesian3, Math as CesiumMath, HeadingPitchRange, Matrix4, Rectangle, type Viewer } from 'cesium';

/** Distance of the whole-Earth view, m. */
const WHOLE_EARTH_M = 22_000_000;
/** Range of the follow view, m. */
const FOLLOW_RANGE_M = 2_500_000;
/** Margin round a framed area, degrees. */
const MARGIN_DEG = 4;

export function wholeEarth(viewer: Viewer, lonDeg = -40, latDeg = 40, duration = 1.2): void {
  stopFollowing(viewer);
  viewer.camera.flyTo({ destination: Cartesian3.fromDegrees(lonDeg, latDeg, WHOLE_EARTH_M), duration });
}

/** Frames a [west, south, east, north] box in degrees (west > east across the antimeridian). */
export function frameBounds(viewer: Viewer, bounds: [number, number, number, number], duration = 1.2): void {
  stopFollowing(viewer);
  const [w, s, e, n] = bounds;
  const rect = Rectangle.fromDegrees(
    w - MARGIN_DEG,
    Math.max(-89, s - MARGIN_DEG),
    e + MARGIN_DEG,
    Math.min(89, n + MARGIN_DEG),
  );
  viewer.camera.flyTo({ destination: rect, duration });
}

/** Keeps the camera on `position` (call again as the track moves). */
export function followPosition(viewer: Viewer, position: Cartesian3): void {
  viewer.camera.lookAt(position, new HeadingPitchRange(0, CesiumMath.toRadians(-50), FOLLOW_RANGE_M));
  viewer.scene.requestRender();
}

export function stopFollowing(viewer: Viewer): void {
  viewer.camera.lookAtTransform(Matrix4.IDENTITY);
}
