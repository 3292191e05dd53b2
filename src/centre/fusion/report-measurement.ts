// Turns a sensor report into what the filters take: the measurement vector and the
// updater whose model has been set to the report's geometry (the radar site at the
// report time, or the satellite and the line of sight's own tangent frame). One
// instance holds one geometry per report kind and one updater per measurement model
// (radar with and without range rate, IR line of sight), EKF or UKF as configured, so
// preparing a report allocates nothing.

import type { SensorReport } from '../../sensors/report.ts';
import { STATE_DIM } from '../tracking/flight-state.ts';
import { createLosMeasurementModel, LosGeometry, setLosGeometry } from '../tracking/los-measurement.ts';
import type { MeasurementModel } from '../tracking/measurement-model.ts';
import {
  createRadarMeasurementModel,
  RadarGeometry,
  radarMeasurementVector,
  radarPlotToEci,
  setRadarGeometry,
} from '../tracking/radar-measurement.ts';
import { createUnscentedUpdater } from '../tracking/unscented.ts';
import { createKalmanUpdater, type Updater } from '../tracking/updater.ts';

export class ReportMeasurement {
  readonly radar = new RadarGeometry();
  readonly los = new LosGeometry();
  /** The measurement vector of the prepared report. */
  readonly z = new Float64Array(4);
  private readonly radar3: Updater;
  private readonly radar4: Updater;
  private readonly ir: Updater;
  private readonly gmst: (tS: number) => number;

  constructor(filter: 'ekf' | 'ukf', gmst: (tS: number) => number) {
    const make = (model: MeasurementModel) =>
      filter === 'ukf' ? createUnscentedUpdater(model) : createKalmanUpdater(model);
    this.radar3 = make(createRadarMeasurementModel(this.radar, false, STATE_DIM));
    this.radar4 = make(createRadarMeasurementModel(this.radar, true, STATE_DIM));
    this.ir = make(createLosMeasurementModel(this.los, STATE_DIM));
    this.gmst = gmst;
  }

  /** Sets the geometry and z for `report`; returns its updater. */
  prepare(report: SensorReport): Updater {
    if (report.kind === 'ir') {
      setLosGeometry(this.los, report.observerEci, report.losEci, report.sigmaRad);
      this.z[0] = 0;
      this.z[1] = 0;
      return this.ir;
    }
    setRadarGeometry(
      this.radar,
      report.site,
      this.gmst(report.timeS),
      report.sigmaRangeM,
      report.sigmaAngleRad,
      report.sigmaRangeRateMps,
    );
    radarMeasurementVector(this.z, report);
    return report.rangeRateMps === null ? this.radar3 : this.radar4;
  }

  /**
   * A point that stands for the report in the spatial index: the plot's ECI position
   * (radar), or the unit line of sight (IR). Returns the report's own extent there:
   * the largest 1σ of the converted plot (m) or the angular σ (rad).
   */
  indexPoint(out: Float64Array, report: SensorReport): number {
    if (report.kind === 'ir') {
      const l = report.losEci;
      const inv = 1 / Math.hypot(l[0], l[1], l[2]);
      out[0] = l[0] * inv;
      out[1] = l[1] * inv;
      out[2] = l[2] * inv;
      return report.sigmaRad;
    }
    this.prepare(report);
    radarPlotToEci(out, null, this.radar, report.rangeM, report.azRad, report.elRad);
    return Math.max(report.sigmaRangeM, report.rangeM * report.sigmaAngleRad);
  }
}
