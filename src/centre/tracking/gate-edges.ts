// The gate graph of one association stage: the (track, measurement) pairs whose
// Mahalanobis distance passed the gate, with the squared distance and the assignment
// cost the tracker gives them. Tracks are numbered locally to the stage (their index
// in the stage's slot list). Grows by doubling and is reused every scan.

export class GateEdges {
  count = 0;
  track = new Int32Array(256);
  measurement = new Int32Array(256);
  distance2 = new Float64Array(256);
  cost = new Float64Array(256);

  clear(): void {
    this.count = 0;
  }

  push(track: number, measurement: number, distance2: number): void {
    if (this.count === this.track.length) this.grow();
    const e = this.count++;
    this.track[e] = track;
    this.measurement[e] = measurement;
    this.distance2[e] = distance2;
    this.cost[e] = 0;
  }

  private grow(): void {
    const size = 2 * this.track.length;
    const track = new Int32Array(size);
    track.set(this.track);
    this.track = track;
    const measurement = new Int32Array(size);
    measurement.set(this.measurement);
    this.measurement = measurement;
    const distance2 = new Float64Array(size);
    distance2.set(this.distance2);
    this.distance2 = distance2;
    const cost = new Float64Array(size);
    cost.set(this.cost);
    this.cost = cost;
  }
}
