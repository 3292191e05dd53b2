// The state vector of a tracked rocket or re-entering body, in ECI (equator and
// equinox of date, DESIGN.md §3), SI units:
//   x = [rx, ry, rz, vx, vy, vz, aT, κ]
// r position (m), v inertial velocity (m/s), aT the net axial acceleration along the
// velocity beyond gravity (thrust minus drag, m/s²; 0 in ballistic flight) and κ = 1/β
// the inverse ballistic coefficient (m²/kg; drag acceleration −½ρκ|w|w with w the
// velocity relative to the rotating air). One layout for every motion mode, so that the
// interacting-multiple-model filter can mix the modes' estimates directly.

export const STATE_DIM = 8;
/** Index of the first position component. */
export const POS = 0;
/** Index of the first velocity component. */
export const VEL = 3;
/** Index of the axial (thrust) acceleration aT. */
export const THRUST = 6;
/** Index of the inverse ballistic coefficient κ. */
export const DRAG = 7;
